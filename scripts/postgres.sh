#!/usr/bin/env bash
# postgres.sh — a throwaway local PostgreSQL for Marsad's tests.
#
#   eval "$(scripts/postgres.sh start [DIR])"   start (or find running) and export MARSAD_TEST_POSTGRES
#   scripts/postgres.sh stop [DIR]               stop it and delete DIR
#   scripts/postgres.sh status [DIR]             say whether it runs
#   scripts/postgres.sh restart [DIR]            restart it on the same port (tests of lost connections)
#
# DIR defaults to $MARSAD_PG_DIR or /tmp/marsad-postgres. The cluster listens
# on 127.0.0.1 only, on a free port, with trust authentication: for tests,
# never for data you keep. Installs PostgreSQL with apt-get when initdb and
# pg_ctl are missing. Works as root (the server then runs as the postgres
# user) and as an ordinary user. Running start twice reuses the cluster.
# Only the export line goes to stdout; progress goes to stderr.
set -euo pipefail

cmd=${1:-}
dir=${2:-${MARSAD_PG_DIR:-/tmp/marsad-postgres}}
db=marsad_test
marker=.marsad-postgres

say() { echo "postgres.sh: $*" >&2; }
die() { say "$*"; exit 1; }

find_bin() {
	local d
	# pg_ctl on PATH may be a symlink into the versioned bin folder.
	for d in "$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")")" /usr/lib/postgresql/*/bin /usr/local/pgsql/bin; do
		if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ] && [ -x "$d/postgres" ] && [ -x "$d/psql" ]; then
			echo "$d"
			return 0
		fi
	done
	return 1
}

# as_owner runs a command as the cluster owner: postgres when we are root.
as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running() { [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; }

ensure_db() {
	local port
	port=$(cat "$dir/port")
	if ! as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -At -c "SELECT 1 FROM pg_database WHERE datname = '$db'" postgres | grep -q 1; then
		as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
	fi
}

print_export() {
	echo "export MARSAD_TEST_POSTGRES='postgres://postgres@127.0.0.1:$(cat "$dir/port")/$db?sslmode=disable'"
}

case "$cmd" in
start | stop | status | restart) ;;
*)
	sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
	;;
esac

if ! bin=$(find_bin); then
	[ "$cmd" = start ] || die "PostgreSQL is not installed"
	command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is not available; install it and retry"
	say "installing PostgreSQL with apt-get"
	if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
	$sudo apt-get update >&2
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y postgresql >&2
	bin=$(find_bin) || die "PostgreSQL was installed but pg_ctl/initdb were not found"
fi

case "$cmd" in
status)
	if running; then say "running in $dir on port $(cat "$dir/port")"; else say "not running in $dir"; exit 1; fi
	;;
restart)
	running || die "not running in $dir"
	# pg_ctl restart keeps the options of the last start, the port with them.
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 restart >&2 || die "the server did not restart: see $dir/server.log"
	say "restarted in $dir on port $(cat "$dir/port")"
	;;
stop)
	if running; then
		as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2
	fi
	if [ -f "$dir/$marker" ]; then
		rm -rf "$dir"
		say "stopped and removed $dir"
	elif [ -e "$dir" ]; then
		say "left $dir in place: it was not made by postgres.sh"
	fi
	;;
start)
	if running; then
		say "already running in $dir"
		ensure_db
		print_export
		exit 0
	fi
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		[ ! -e "$dir" ] || [ -f "$dir/$marker" ] || [ -z "$(ls -A "$dir")" ] || die "$dir exists and is not a postgres.sh cluster"
		mkdir -p "$dir"
		touch "$dir/$marker"
		if [ "$(id -u)" = 0 ]; then
			id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" postgres
			chown postgres: "$dir" "$dir/$marker"
		fi
		chmod 700 "$dir"
		say "creating a cluster in $dir"
		as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
			die "initdb failed: see $dir/initdb.log"
	fi
	port=54329
	while ! port_free "$port"; do port=$((port + 1)); done
	as_owner sh -c "echo $port > '$dir/port'"
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >&2 ||
		die "the server did not start: see $dir/server.log"
	ensure_db
	say "running in $dir on 127.0.0.1:$port, database $db"
	print_export
	;;
esac
