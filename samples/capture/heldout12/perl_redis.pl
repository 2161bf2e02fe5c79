#!/usr/bin/perl
# Perl's Redis module (Debian libredis-perl 2.000): it takes "host:port", so the script splits REDIS_URL the
# way such apps do; `Redis->new` dies when it cannot connect (the die ends the script), a failed INCR is warned.
use strict; use warnings;
use Redis;
$| = 1;
my ($pass, $server) = (undef, '');
if (($ENV{REDIS_URL} // '') =~ m{^rediss?://(?:[^:@]*:([^@]*)@)?([^/]+)}) { ($pass, $server) = ($1, $2); }
print "counter service starting\n";
my $r = Redis->new(server => $server || '127.0.0.1:6379', ($pass ? (password => $pass) : ()), reconnect => 2, every => 200_000);
for my $i (1 .. 14) {
  my $n = eval { $r->incr('counter') };
  if ($@) { warn "round $i: redis error: $@"; } else { print "round $i: counter=$n\n"; }
  select(undef, undef, undef, 0.7);
}
