<?php
// phpredis and Predis exceptions as a PHP console application renders them (Symfony Console 5.4, Debian
// php-symfony-console; Laravel's artisan is built on it): the exception class on a line of its own ('-v'), its
// message below. argv: client (phpredis|predis) host port [console options]
require_once '/usr/share/php/Symfony/Component/Console/autoload.php';
require_once '/usr/share/php/Predis/Autoloader.php';
Predis\Autoloader::register();
use Symfony\Component\Console\Application;
use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Output\OutputInterface;

[$client, $host, $port] = [$argv[1], $argv[2], (int) $argv[3]];
$argv = array_merge([$argv[0], 'queue:work'], array_slice($argv, 4));
$_SERVER['argv'] = $argv;
$app = new Application('app');
$app->add(new class($client, $host, $port) extends Command {
    public function __construct(private string $client, private string $host, private int $port) { parent::__construct('queue:work'); }
    protected function execute(InputInterface $in, OutputInterface $out): int {
        if ($this->client === 'phpredis') { $r = new Redis(); $r->connect($this->host, $this->port); }
        else { (new Predis\Client("tcp://{$this->host}:{$this->port}"))->get('k'); }
        return 0;
    }
});
$app->run();
