# shellcheck shell=bash
# shellcheck disable=SC2034 # variables here are used by the scripts that source this
# Shared helpers for the deploy/local scripts. Sourced, never executed.
#
# Everything the local stack keeps lives under <repo>/var (git-ignored), so a
# checkout is self-contained and `rm -rf var` (after deploy/local/down) resets it.

FERRY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
VAR_DIR="$FERRY_ROOT/var"
RUN_DIR="$VAR_DIR/run"
LOG_DIR="$VAR_DIR/log"
SECRETS_DIR="$VAR_DIR/secrets"
LOCAL_ENV="$VAR_DIR/local.env"

# FERRY_PORT_OFFSET (default 0, a multiple of 100 up to 900) shifts every port
# of the local stack and renames its RabbitMQ node, so that several checkouts on
# one host each run a stack of their own (they share the Docker daemon).
# A checkout remembers its offset in var/port-offset (written by `infra`), so
# later runs without the variable find the same stack.
if [[ -z ${FERRY_PORT_OFFSET:-} && -s $VAR_DIR/port-offset ]]; then
  FERRY_PORT_OFFSET=$(<"$VAR_DIR/port-offset")
fi
PORT_OFFSET=${FERRY_PORT_OFFSET:-0}
if ! [[ $PORT_OFFSET =~ ^[0-9]00$|^0$ ]]; then
  printf 'FERRY_PORT_OFFSET must be 0 or a multiple of 100 up to 900, not "%s"\n' "$PORT_OFFSET" >&2
  exit 2
fi
port_of() { echo $(($1 + PORT_OFFSET)); } # port_of <default port>
AMQP_PORT=$(port_of 5672)
MGMT_PORT=$(port_of 15672)
RABBIT_PROMETHEUS_PORT=$(port_of 15692)

# The local stack always talks to the root daemon on its default socket (the
# same value is written to local.env), whatever DOCKER_HOST the caller had.
export DOCKER_HOST=unix:///var/run/docker.sock

# --------------------------------------------------------------- logging ----

log() { printf '[ferry %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
warn() { printf '[ferry %s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  printf '[ferry %s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2
  exit 1
}

# Print the last lines of a log file to stderr, to explain a failure in place.
show_log_tail() {
  local file=$1 lines=${2:-30}
  [[ -f $file ]] || return 0
  printf -- '---- last %s lines of %s ----\n' "$lines" "$file" >&2
  tail -n "$lines" "$file" >&2
  printf -- '----\n' >&2
}

ensure_dirs() {
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  (umask 077 && mkdir -p "$SECRETS_DIR")
}

# -------------------------------------------------------------- packages ----

package_installed() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

# Install the Debian packages that are missing; a no-op when all are there, so
# a prepared machine never touches apt. `apt-get update` runs at most once per
# run (FERRY_APT_UPDATED is exported so child scripts inherit it).
ensure_packages() {
  local pkg missing=()
  for pkg in "$@"; do
    package_installed "$pkg" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  [[ $(id -u) == 0 ]] || die "missing Debian packages (${missing[*]}); run as root or install them first"
  log "installing missing packages: ${missing[*]}"
  if [[ -z ${FERRY_APT_UPDATED:-} ]]; then
    apt-get update -q
    export FERRY_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

# --------------------------------------------------------- ports, waiting ----

# True when something accepts TCP connections on host:port.
port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# wait_until <seconds> <command...>: retry the command every half second.
wait_until() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

wait_for_port() { # wait_for_port <host> <port> [seconds]
  wait_until "${3:-60}" port_open "$1" "$2"
}

# ----------------------------------------------------------------- locks ----

# take_lock <name> <script> [args]: re-run the calling script under
# flock(1) on var/run/<name>.lock unless this process tree already holds it.
# Several people share one checkout, and two runs starting the same broker
# at once would fight. `flock -o` keeps the lock in the flock process only,
# so the daemons a script starts never inherit (and keep) it.
take_lock() {
  local name=$1 script=$2 var="FERRY_LOCK_${1//-/_}"
  shift 2
  [[ -z ${!var:-} ]] || return 0
  mkdir -p "$RUN_DIR"
  export "$var=1"
  if ! flock -n "$RUN_DIR/$name.lock" true; then
    log "waiting for another deploy/local run to finish ($name.lock, up to 15 min)"
  fi
  exec flock -o -w 900 "$RUN_DIR/$name.lock" "$BASH" "$script" "$@"
}

# ------------------------------------------------------------- pid files ----

pid_file() { printf '%s/%s.pid\n' "$RUN_DIR" "$1"; }

# pid_alive <name> [cmdline-substring]: print the pid recorded for <name> if
# that process still runs AND its command line contains the substring
# (default: this checkout's var/). The check guards against a stale pid file
# whose number was reused by an unrelated process after a reboot.
pid_alive() {
  local file pid marker=${2:-$VAR_DIR/}
  file=$(pid_file "$1")
  [[ -s $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  proc_running "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker" || return 1
  printf '%s\n' "$pid"
}

# start_bg <name> <command...>: run the command detached (own session, so a
# Ctrl-C in the calling terminal does not reach it), output appended to
# var/log/<name>.log, pid in var/run/<name>.pid. setsid and nohup both exec,
# and job control is off in scripts, so $! is the command's own pid.
start_bg() {
  local name=$1
  shift
  printf '\n==== %s starting: %s\n' "$(date -Is)" "$*" >>"$LOG_DIR/$name.log"
  setsid nohup "$@" >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
  printf '%s\n' "$!" >"$(pid_file "$name")"
}

# A process counts as running unless it is gone or a zombie: where PID 1
# does not reap orphans (a container running `sleep`), an exited daemon stays
# a zombie, and kill -0 still succeeds on it.
proc_running() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != [ZX] ]]
}

pid_gone() { ! proc_running "$1"; }

# stop_pid <name> [seconds] [cmdline-substring]: SIGTERM, wait, then SIGKILL.
# Quietly does nothing when the process is not running.
stop_pid() {
  local name=$1 timeout=${2:-30} marker=${3:-$VAR_DIR/} pid
  if pid=$(pid_alive "$name" "$marker"); then
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_until "$timeout" pid_gone "$pid"; then
      warn "$name did not stop within ${timeout}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      wait_until 10 pid_gone "$pid" || true
    fi
  fi
  rm -f "$(pid_file "$name")"
}

# --------------------------------------------------------------- secrets ----

gen_secret() {
  openssl rand -hex 16 2>/dev/null || od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

# secret <name>: print a generated secret, created once and then reused from
# var/secrets/<name>.pw (mode 600) so passwords stay stable across runs.
secret() {
  local file="$SECRETS_DIR/$1.pw"
  if [[ ! -s $file ]]; then
    (umask 077 && gen_secret >"$file.tmp" && mv "$file.tmp" "$file")
  fi
  chmod 600 "$file"
  tr -d '\n' <"$file"
}

# bcrypt_hash <user> <password>: bcrypt (cost 10) via apache2-utils. The
# password goes through stdin (-i), not the command line, so `ps` never shows
# it.
bcrypt_hash() {
  htpasswd -niB -C 10 "$1" <<<"$2" | head -n 1 | cut -d: -f2-
}

# write_private <file>: stdin -> file with mode 600, replaced atomically.
write_private() {
  local file=$1
  (umask 077 && cat >"$file.tmp" && mv "$file.tmp" "$file")
}

# -------------------------------------------------------------- registry ----
# Debian's docker-registry (Distribution 2.8) as a plain background process.

REGISTRY_ADDR=127.0.0.1:$(port_of 5000)
REGISTRY_DIR="$VAR_DIR/registry"
REGISTRY_CONFIG="$REGISTRY_DIR/config.yml"
REGISTRY_HTPASSWD="$REGISTRY_DIR/htpasswd"
REGISTRY_CONFIG_CHANGED=0

# registry_write_config <readonly: true|false>
# Writes var/registry/config.yml; sets REGISTRY_CONFIG_CHANGED=1 when the file
# differs from before (the caller then restarts a running registry).
# readonly=true is for garbage collection: the registry keeps serving pulls
# but refuses uploads, so gc cannot delete a blob that a push still needs.
registry_write_config() {
  local readonly=$1
  [[ $readonly == true || $readonly == false ]] || die "registry_write_config: want true|false, got '$readonly'"
  mkdir -p "$REGISTRY_DIR/data"
  local http_secret
  http_secret=$(secret registry-http)
  # The in-memory blob descriptor cache is why the registry must be restarted
  # after a garbage collection (deploy/local/gc does that).
  write_private "$REGISTRY_CONFIG.new" <<EOF
# Generated by deploy/local (lib.sh registry_write_config); edits are overwritten.
version: 0.1
log:
  level: info
  fields:
    service: registry
storage:
  filesystem:
    rootdirectory: "$REGISTRY_DIR/data"
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
  maintenance:
    readonly:
      enabled: $readonly
http:
  addr: $REGISTRY_ADDR
  secret: $http_secret
  headers:
    X-Content-Type-Options: [nosniff]
auth:
  htpasswd:
    realm: ferry-registry
    path: "$REGISTRY_HTPASSWD"
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
EOF
  if cmp -s "$REGISTRY_CONFIG.new" "$REGISTRY_CONFIG"; then
    rm -f "$REGISTRY_CONFIG.new"
  else
    mv "$REGISTRY_CONFIG.new" "$REGISTRY_CONFIG"
    REGISTRY_CONFIG_CHANGED=1
  fi
}

# Any HTTP answer on /v2/ (401 without credentials) means it serves.
registry_answers() {
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://$REGISTRY_ADDR/v2/" 2>/dev/null) =~ ^(200|401)$ ]]
}

registry_start() {
  local pid
  if pid=$(pid_alive registry); then
    log "registry already running (pid $pid)"
    return 0
  fi
  if port_open "${REGISTRY_ADDR%:*}" "${REGISTRY_ADDR#*:}"; then
    die "something else listens on $REGISTRY_ADDR (Debian's docker-registry service?). Stop it, e.g. 'systemctl disable --now docker-registry' or '/etc/init.d/docker-registry stop', and rerun."
  fi
  [[ -f $REGISTRY_CONFIG ]] || die "no $REGISTRY_CONFIG; run deploy/local/infra"
  log "starting registry on $REGISTRY_ADDR"
  start_bg registry docker-registry serve "$REGISTRY_CONFIG"
  if ! wait_until 30 registry_answers || ! pid_alive registry >/dev/null; then
    show_log_tail "$LOG_DIR/registry.log"
    die "registry did not come up on $REGISTRY_ADDR"
  fi
}

registry_stop() {
  stop_pid registry 30
}

registry_restart() {
  registry_stop
  registry_start
}

# -------------------------------------------------------------- rabbitmq ----
# Our own broker runs as root from /usr/lib/rabbitmq/bin, NOT through Debian's
# /usr/sbin wrappers: those switch to the `rabbitmq` user, which cannot
# necessarily enter the repo, and use /var/lib/rabbitmq's Erlang cookie.
# The node is called ferry@localhost (ferry-<offset>@localhost with a port
# offset) so it never clashes with a Debian
# rabbit@<host> node on the same machine.

RABBIT_DIR="$VAR_DIR/rabbitmq"
RABBIT_BIN=/usr/lib/rabbitmq/bin
RABBIT_NODE=ferry@localhost
((PORT_OFFSET == 0)) || RABBIT_NODE=ferry-$PORT_OFFSET@localhost
RABBIT_ENV=(
  "HOME=$RABBIT_DIR" # Erlang cookie: $HOME/.erlang.cookie, for server and CLI
  "RABBITMQ_NODENAME=$RABBIT_NODE"
  "RABBITMQ_DIST_PORT=$(port_of 25672)" # inter-node and CLI port, shifted with the others
  "RABBITMQ_CONF_ENV_FILE=$RABBIT_DIR/rabbitmq-env.conf" # not /etc/rabbitmq's
  "RABBITMQ_CONFIG_FILE=$RABBIT_DIR/rabbitmq.conf"
  "RABBITMQ_ENABLED_PLUGINS_FILE=$RABBIT_DIR/enabled_plugins"
  "RABBITMQ_MNESIA_BASE=$RABBIT_DIR/mnesia"
  "RABBITMQ_LOG_BASE=$RABBIT_DIR/log"
  "RABBITMQ_PID_FILE=$RUN_DIR/rabbitmq.pid" # written by the node: the VM's pid
  "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
  "ERL_EPMD_ADDRESS=127.0.0.1" # if this node starts epmd, keep it on loopback
)

# our_rabbitmqctl <args>: rabbitmqctl aimed at OUR node.
our_rabbitmqctl() {
  env "${RABBIT_ENV[@]}" "$RABBIT_BIN/rabbitmqctl" "$@"
}

our_rabbit_answers() {
  [[ -f $RABBIT_DIR/.erlang.cookie ]] || return 1
  our_rabbitmqctl -q -t 10 ping >/dev/null 2>&1
}

# -------------------------------------------------------------- services ----
# <module>:<port>; the jar is <module>/target/<module>.jar (finalName =
# artifactId). For the workers the port serves only the actuator.
FERRY_SERVICES=(
  "api-gateway:$(port_of 8080)"
  "push-worker:$(port_of 8081)"
  "commit-worker:$(port_of 8082)"
  "export-worker:$(port_of 8083)"
  "nas-watcher:$(port_of 8084)"
)
PROMETHEUS_ADDR=127.0.0.1:$(port_of 9090)
