#!/usr/bin/env bash
# Two portal nodes on one PostgreSQL behind nginx, all on loopback, from the built tarball
# (it builds nothing: `mvn -B install -DskipTests` first).
#
#   benchmarks/cluster.sh up     starts a private PostgreSQL cluster, both nodes at once against its
#                                empty database, and nginx in front; waits until all are healthy and
#                                prints, one per line:
#                                  proxy=URL node1=URL node2=URL node1_pid=PID node2_pid=PID
#                                  node1_home=DIR node2_home=DIR database=JDBC-URL
#   benchmarks/cluster.sh down   stops everything `up` started (also after a node was killed)
#
# CLUSTER_SETTINGS="pid key value;pid key value" sets configuration values on both nodes before they
# start (e.g. "org.ceportal.attachments maxFilesPerDay 100000" for a load test's uploads).
# The tarball: $CLUSTER_TARBALL, else the newest karaf-distribution/target/ceportal-distribution-*.tar.gz.
# Everything lives in $CLUSTER_DIR (default benchmarks/target/cluster): pg/ (the database
# cluster), node1/ and node2/ (Karaf homes, each with its deploy/ and data/log/karaf.log),
# shared/attachments (the attachment storage both nodes use: production puts a shared file
# system there), nginx/ (its configuration and logs). nginx retries a failed idempotent request
# on the other node and never a POST (its default), so a write in flight when a node dies fails
# visibly. Installs nginx and postgresql from Debian's packages when missing (as root).
# See benchmarks/README.md, "Two nodes".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${CLUSTER_DIR:-$ROOT/benchmarks/target/cluster}"
TIMEOUT_S="${CLUSTER_TIMEOUT:-240}"

log() { printf 'cluster.sh: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

pg_bin() {
    local b
    b="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$b" ] && [ -x "$b/initdb" ] || return 1
    printf '%s' "$b"
}

# PostgreSQL refuses to run as root: as root, its commands run as the package's postgres user.
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Sets key = value in a Karaf .cfg or .properties file (replaced if present, else appended).
set_cfg() {
    local file="$1" key="$2" value="$3"
    touch "$file"
    if grep -qE "^[#[:space:]]*${key//./\\.}[[:space:]]*=" "$file"; then
        sed -i -E "s|^[#[:space:]]*${key//./\\.}[[:space:]]*=.*|${key} = ${value}|" "$file"
    else
        printf '%s = %s\n' "$key" "$value" >> "$file"
    fi
}

install_missing() {
    local need=()
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
    pg_bin >/dev/null || need+=(postgresql)
    command -v python3 >/dev/null 2>&1 || need+=(python3)
    if [ ${#need[@]} -gt 0 ]; then
        [ "$(id -u)" = 0 ] || die "missing ${need[*]}: install them (apt-get install -y ${need[*]})"
        log "installing ${need[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >&2
    fi
}

tarball() {
    if [ -n "${CLUSTER_TARBALL:-}" ]; then
        [ -f "$CLUSTER_TARBALL" ] || die "CLUSTER_TARBALL=$CLUSTER_TARBALL is not a file"
        printf '%s' "$CLUSTER_TARBALL"
        return
    fi
    local candidates=("$ROOT"/karaf-distribution/target/ceportal-distribution-*.tar.gz)
    [ -f "${candidates[0]}" ] || die "no karaf-distribution/target/ceportal-distribution-*.tar.gz; build it first (mvn -B install -DskipTests)"
    ls -t "${candidates[@]}" | head -n 1
}

karaf_pid() { pgrep -f "karaf.base=$1( |$)" | head -n 1 || true; }

wait_healthy() {
    local url="$1" name="$2" deadline=$((SECONDS + TIMEOUT_S))
    until curl -fsS -m 3 "$url/api/health" 2>/dev/null | grep -q '"status":"UP"'; do
        [ $SECONDS -lt $deadline ] || die "$name not healthy after ${TIMEOUT_S}s: $url/api/health"
        sleep 1
    done
}

up() {
    [ ! -f "$DIR/state" ] || die "a cluster is up in $DIR (benchmarks/cluster.sh down first)"
    install_missing
    local bin tar pg_port db_url
    bin="$(pg_bin)"
    tar="$(tarball)"
    rm -rf "$DIR"
    mkdir -p "$DIR/pg" "$DIR/shared/attachments" "$DIR/nginx/tmp"
    [ "$(id -u)" != 0 ] || chown postgres "$DIR/pg"

    pg_port="$(free_port)"
    as_pg "$bin/initdb" -D "$DIR/pg/data" -U ceportal --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/pg/initdb.log" 2>&1 \
        || die "initdb failed: $(tail -n 5 "$DIR/pg/initdb.log")"
    as_pg "$bin/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/server.log" -w -t 60 \
        -o "-p $pg_port -k $DIR/pg -c listen_addresses=127.0.0.1 -c max_connections=100" start >&2
    echo "pg_bin=$bin" > "$DIR/state"
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U ceportal ceportal
    db_url="jdbc:postgresql://127.0.0.1:$pg_port/ceportal"
    echo "database=$db_url" >> "$DIR/state"

    local n home port
    for n in 1 2; do
        mkdir -p "$DIR/node$n"
        tar -xzf "$tar" -C "$DIR/node$n" --strip-components=1
        home="$DIR/node$n"
        port="$(free_port)"
        set_cfg "$home/etc/custom.properties" org.osgi.service.http.port "$port"
        set_cfg "$home/etc/org.apache.felix.http.cfg" org.osgi.service.http.port "$port"
        set_cfg "$home/etc/org.apache.karaf.shell.cfg" sshPort "$(free_port)"
        cat > "$home/etc/org.ops4j.datasource-ceportal.cfg" <<EOF
# node $n of benchmarks/cluster.sh: the shared PostgreSQL (docs/POSTGRESQL.md)
osgi.jdbc.driver.name = PostgreSQL JDBC Driver
dataSourceName = ceportal
url = $db_url
user = ceportal
password = unused-trust-on-loopback
pool = dbcp2
xa = false
jdbc.pool.maxTotal = 16
jdbc.pool.maxIdle = 8
jdbc.pool.testOnBorrow = true
EOF
        set_cfg "$home/etc/org.ceportal.attachments.cfg" storageDir "$DIR/shared/attachments"
        set_cfg "$home/etc/org.ceportal.platform.clients.cfg" trustedProxies "127.0.0.1, ::1"
        local setting pid key value
        IFS=';' read -ra settings <<< "${CLUSTER_SETTINGS:-}"
        for setting in "${settings[@]}"; do
            read -r pid key value <<< "$setting"
            [ -n "${pid:-}" ] || continue
            [[ "$pid" =~ ^[A-Za-z0-9._-]+$ ]] || die "bad pid in CLUSTER_SETTINGS: $pid"
            set_cfg "$home/etc/$pid.cfg" "$key" "$value"
        done
        echo "node${n}=http://127.0.0.1:$port" >> "$DIR/state"
        echo "node${n}_home=$home" >> "$DIR/state"
    done
    # both at once against the empty database: one migrates, the other waits for the migration lock
    for n in 1 2; do
        (cd "$DIR/node$n" && KARAF_HOME= KARAF_BASE= KARAF_DATA= KARAF_ETC= bin/start) >&2
    done

    local proxy_port
    proxy_port="$(free_port)"
    local n1 n2
    n1="$(sed -n 's/^node1=http:\/\///p' "$DIR/state")"
    n2="$(sed -n 's/^node2=http:\/\///p' "$DIR/state")"
    cat > "$DIR/nginx/nginx.conf" <<EOF
# benchmarks/cluster.sh: the two nodes behind one address
daemon on;
worker_processes 1;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log $DIR/nginx/access.log;
    client_body_temp_path $DIR/nginx/tmp/body;
    proxy_temp_path $DIR/nginx/tmp/proxy;
    fastcgi_temp_path $DIR/nginx/tmp/fastcgi;
    uwsgi_temp_path $DIR/nginx/tmp/uwsgi;
    scgi_temp_path $DIR/nginx/tmp/scgi;
    client_max_body_size 64m;
    upstream portal {
        server $n1 max_fails=1 fail_timeout=5s;
        server $n2 max_fails=1 fail_timeout=5s;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$proxy_port;
        location / {
            proxy_pass http://portal;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            # the other node when one does not answer; nginx never repeats a POST (non_idempotent is off)
            proxy_next_upstream error timeout http_502 http_503;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;
        }
    }
}
EOF
    local nginx_bin
    nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
    "$nginx_bin" -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -e "$DIR/nginx/error.log" >&2
    echo "nginx=$nginx_bin" >> "$DIR/state"
    echo "proxy=http://127.0.0.1:$proxy_port" >> "$DIR/state"

    wait_healthy "http://$n1" node1
    wait_healthy "http://$n2" node2
    wait_healthy "http://127.0.0.1:$proxy_port" proxy
    for n in 1 2; do
        echo "node${n}_pid=$(karaf_pid "$DIR/node$n")" >> "$DIR/state"
    done
    grep -E '^(proxy|node1|node2|node1_pid|node2_pid|node1_home|node2_home|database)=' "$DIR/state"
}

down() {
    [ -f "$DIR/state" ] || { log "no cluster in $DIR"; return 0; }
    local n home pid nginx_bin bin
    nginx_bin="$(sed -n 's/^nginx=//p' "$DIR/state")"
    if [ -n "$nginx_bin" ] && [ -f "$DIR/nginx/nginx.pid" ]; then
        "$nginx_bin" -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -e "$DIR/nginx/error.log" -s stop 2>/dev/null || true
    fi
    for n in 1 2; do
        home="$DIR/node$n"
        pid="$(karaf_pid "$home")"
        [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
    done
    for n in 1 2; do
        home="$DIR/node$n"
        for _ in $(seq 1 30); do
            pid="$(karaf_pid "$home")"
            [ -n "$pid" ] || break
            sleep 1
        done
        pid="$(karaf_pid "$home")"
        [ -z "$pid" ] || kill -9 "$pid" 2>/dev/null || true
    done
    bin="$(sed -n 's/^pg_bin=//p' "$DIR/state")"
    if [ -n "$bin" ] && [ -f "$DIR/pg/data/postmaster.pid" ]; then
        as_pg "$bin/pg_ctl" -D "$DIR/pg/data" -m fast -w stop >&2 || true
    fi
    rm -f "$DIR/state"
    log "stopped (logs stay in $DIR)"
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    *) echo "usage: benchmarks/cluster.sh up|down" >&2; exit 2 ;;
esac
