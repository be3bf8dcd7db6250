"Every exported module imports in a fresh interpreter, stays light (no torch), and every subcommand has --help"
import subprocess, sys, pkgutil, pytest
import terminal_lego

MODULES = sorted(m.name for m in pkgutil.iter_modules(terminal_lego.__path__) if not m.name.startswith('_'))
HEAVY = ['torch', 'transformers', 'vllm', 'ray', 'peft', 'datasets']

def test_modules_found():
    assert {'core', 'envs', 'cli'} <= set(MODULES)

@pytest.mark.parametrize('mod', MODULES)
def test_fresh_import_is_light(mod):
    code = f"import sys, terminal_lego.{mod}; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == '', f"importing terminal_lego.{mod} pulled in heavy packages: {r.stdout}"

def _subcommands():
    from terminal_lego.cli import parser
    return sorted(parser()._subparsers._group_actions[0].choices)

@pytest.mark.parametrize('sub', [None] + _subcommands())
def test_cli_help(sub):
    r = subprocess.run([sys.executable, "-m", "terminal_lego.cli", *([sub] if sub else []), '--help'],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and 'usage: terminal-lego' in r.stdout, r.stderr
