#!/bin/bash
# The failure-class wordings of glibc's strerror and gai_strerror in the languages its catalogues translate, as a real
# client prints them: hiredis-worker (this folder; built as its header says) under each locale, in the h62 namespace
# (netns.sh up first; run as root), against nothing listening (ECONNREFUSED), a name that does not resolve (EAI_NONAME),
# a name whose lookup fails (SERVFAIL: EAI_AGAIN) and the black hole (ETIMEDOUT after the worker's 2 s connect timeout,
# then EHOSTUNREACH). Output: samples/raw/classes/glibc-locales.log; each run under a '=== LANG=… <scenario>' line
# written by this script (the other lines are the worker's own).
# C first: glibc's own (English) words, which hiredis prints with no English error word either (a lookup).
#   locales.sh APP_DIR > samples/raw/classes/glibc-locales.log
APP=${1:?APP_DIR}
for loc in C fr_FR de_DE es_ES pt_BR pt_PT it_IT ru_RU uk_UA ja_JP ko_KR zh_CN zh_TW vi_VN tr_TR pl_PL nl_NL cs_CZ; do
  for scen in "refused redis://cache02.h62.lan:6379 2" "nxdomain redis://cache09.h62.lan:6379 2" \
              "servfail redis://cache.sendgrid.net:6379 2" "blackhole redis://cache03.h62.lan:6379 6"; do
    set -- $scen
    echo "=== LANG=$loc.UTF-8 $1"
    ip netns exec h62 env LANG="$loc.UTF-8" REDIS_URL="$2" timeout "$3" "$APP/hiredis-worker" 2>&1 | grep -v 'démarrage'
  done
done
