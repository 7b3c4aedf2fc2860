# Shared set-up for scripts/run and scripts/test (sourced, not run).
RIG="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/../shared/audio-rig/audio-rig.sh"
PY="${PYTHON:-python3}"

setup_system_packages() {
  # Debian/Ubuntu as root: install what PortAudio, libsndfile and Qt need.
  if [[ -f /etc/debian_version && $(id -u) == 0 ]]; then
    if [[ -x "$RIG" ]]; then
      if ! "$RIG" install gui >/tmp/pitchback-apt.log 2>&1; then
        apt-get update -qq >>/tmp/pitchback-apt.log 2>&1 || true
        "$RIG" install gui >>/tmp/pitchback-apt.log 2>&1 || { cat /tmp/pitchback-apt.log; return 1; }
      fi
    else
      local pkgs=(libportaudio2 libsndfile1 libegl1 libgl1 libxkbcommon0 libfontconfig1
                  libdbus-1-3 libglib2.0-0 libpulse0 libpulse-mainloop-glib0 libxcb-cursor0)
      dpkg -s "${pkgs[@]}" >/dev/null 2>&1 || {
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}"; }
    fi
    # The prospect's computer voice in English and Dutch (QtTextToSpeech over speech-dispatcher).
    local voices=(speech-dispatcher speech-dispatcher-espeak-ng espeak-ng-data)
    dpkg -s "${voices[@]}" >/dev/null 2>&1 || {
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${voices[@]}"; }
  elif [[ $(uname) == Linux ]] && ! ldconfig -p 2>/dev/null | grep -q libportaudio; then
    echo "Pitchback needs PortAudio and libsndfile: install libportaudio2 and libsndfile1" \
         "(or your distribution's equivalents) and run this again." >&2
  fi
}

setup_test_browser() {
  # Debian/Ubuntu as root: headless Chromium, which opens the exported review pages in the
  # tests (tests/core/test_review_export.py); elsewhere that test is skipped.
  if [[ -f /etc/debian_version && $(id -u) == 0 ]] && ! command -v chromium >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >>/tmp/pitchback-apt.log 2>&1 \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
  fi
}

setup_venv() {  # [extra]
  local extra="${1:-}" spec="." stamp
  [[ -n "$extra" ]] && spec=".[$extra]"
  [[ -x .venv/bin/python ]] || "$PY" -m venv .venv
  stamp=".venv/.installed-$(cat pyproject.toml | cksum | cut -d' ' -f1)-${extra:-run}"
  if [[ ! -f "$stamp" ]]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e "$spec"
    touch "$stamp"
  fi
  # Byte-compile the app as pip does for an installed package: with PYTHONDONTWRITEBYTECODE
  # set, an editable install would otherwise compile every module at every start.
  .venv/bin/python -m compileall -q app >/dev/null
}

start_audio_rig() {
  if [[ -x "$RIG" && $(uname) == Linux && $(id -u) == 0 ]]; then
    "$RIG" start >/tmp/pitchback-rig.log 2>&1 || { cat /tmp/pitchback-rig.log; return 1; }
    export PITCHBACK_TEST_RIG=1
  else
    echo "No audio rig here: the tests marked 'audio' use this machine's own devices." >&2
  fi
}
