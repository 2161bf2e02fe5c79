# Perl Redis.pm (Debian libredis-perl): it takes no URL, so the app selects the URL's database itself
use strict; use warnings; use Redis;
my ($host, $db) = $ENV{REDIS_URL} =~ m{^redis://([^/]+)/(\d+)$} or die "bad REDIS_URL";
my $r = Redis->new(server => $host);
$r->select($db);
$r->set('session:1', 'a');
print "session saved\n";
