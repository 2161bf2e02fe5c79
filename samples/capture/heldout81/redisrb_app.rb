# heldout81: a small Ruby worker on redis-rb 4.8 whose own log lines are in German (APP_LANG=de) or Polish
# (APP_LANG=pl), through Ruby's Logger in its default layout. Each second it increments a counter in Redis; with
# DATABASE_URL it also checks PostgreSQL through psql (the worker's health check shells out, as its cron jobs do).
require 'logger'
require 'redis'
MSG = {
  'de' => { boot: 'Worker wird gestartet...', conn: 'Verbindung zu Redis hergestellt', err: 'Redis-Fehler: %s: %s',
            tick: 'Auftrag #%d verarbeitet', db: 'Datenbank nicht erreichbar: %s', end: 'Worker wird beendet' },
  'pl' => { boot: 'Uruchamianie workera...', conn: 'Połączono z Redis', err: 'Błąd Redis: %s: %s',
            tick: 'Przetworzono zadanie #%d', db: 'Baza danych niedostępna: %s', end: 'Zatrzymywanie workera' },
}
m = MSG[ENV.fetch('APP_LANG', 'de')]
log = Logger.new($stdout)
log.info(m[:boot])
redis = Redis.new(url: ENV.fetch('REDIS_URL', 'redis://127.0.0.1:6379'), connect_timeout: 3, timeout: 3, reconnect_attempts: 1)
begin
  redis.ping
  log.info(m[:conn])
rescue Redis::BaseError => e
  log.error(format(m[:err], e.class, e.message))
end
deadline = Time.now + ENV.fetch('RUN_SECONDS', '8').to_f
n = 0
while Time.now < deadline
  n += 1
  begin
    if ENV['BIG'] == '1'
      redis.set("blob:#{n}", 'x' * 200_000)
    else
      redis.incr('auftraege')
    end
    if ENV['DATABASE_URL']
      out = `psql "#{ENV['DATABASE_URL']}" -c 'select 1' 2>&1`
      log.error(format(m[:db], out.strip)) unless $?.success?
    end
    log.info(format(m[:tick], n))
  rescue Redis::BaseError => e
    log.error(format(m[:err], e.class, e.message))
  end
  sleep 1
end
log.info(m[:end])
