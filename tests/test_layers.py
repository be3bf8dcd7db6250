"The import-direction rule: a module imports only from modules of lower-numbered notebooks; nothing imports the cli"
import ast, json, re
from pathlib import Path

ROOT = Path(__file__).parents[1]

def notebook_number(name:str)->str:
    "The sortable number of a notebook file: '04' for 04_models.ipynb, '04b' for 04b_serving.ipynb"
    return re.match(r'\d+[a-z]?', name).group()

def notebook_numbers()->dict:
    "module name -> number of the notebook that exports it"
    out = {}
    for nb in sorted((ROOT/'nbs').glob('[0-9][0-9]*.ipynb')):
        for cell in json.loads(nb.read_text())['cells']:
            m = re.search(r'^#\|\s*default_exp\s+(\S+)', ''.join(cell['source']), re.M)
            if m: out[m.group(1)] = notebook_number(nb.name); break
    return out

def package_imports(path:Path)->set:
    "terminal_lego modules imported anywhere in a file (top level or inside functions)"
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                 [node.module or ''] if isinstance(node, ast.ImportFrom) else [])
        for n in names:
            if n.startswith('terminal_lego.'): found.add(n.split('.')[1])
    return found

def test_every_module_has_a_notebook():
    nums = notebook_numbers()
    mods = {p.stem for p in (ROOT/'terminal_lego').glob('*.py') if not p.stem.startswith('_')}
    assert mods <= set(nums), f"modules without a numbered notebook: {mods - set(nums)}"

def test_import_direction():
    nums, bad = notebook_numbers(), []
    for mod, n in nums.items():
        for dep in package_imports(ROOT/'terminal_lego'/f'{mod}.py'):
            if dep == mod: continue   # a module naming itself (e.g. for Ray workers) is no layering question
            if dep not in nums: bad.append(f"{mod} imports unknown module {dep}")
            elif nums[dep] >= n: bad.append(f"{mod} (nb {n}) imports {dep} (nb {nums[dep]})")
    assert not bad, '\n'.join(bad)

def test_cli_is_a_leaf():
    users = [p.stem for p in (ROOT/'terminal_lego').glob('*.py') if p.stem != 'cli' and 'cli' in package_imports(p)]
    assert users == []

def test_sub_numbers_sort_after_their_number():
    assert notebook_number('04_models.ipynb') < notebook_number('04b_serving.ipynb') < notebook_number('05_sources.ipynb')
    assert notebook_number('10_egs.ipynb') < notebook_number('10b_tor.ipynb') < notebook_number('11_select.ipynb')

def test_checker_catches_violations(tmp_path):
    f = tmp_path/'m.py'
    f.write_text('def f():\n    from terminal_lego.cli import main\nimport terminal_lego.envs as e\n')
    assert package_imports(f) == {'cli', 'envs'}
