"The docs site builds (fallback renderer) and every page renders in a real headless Chromium with its main content"
import os, re, shutil, subprocess, tempfile, html
from pathlib import Path
import pytest

ROOT = Path(__file__).parents[1]
FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
         '--disable-background-networking', '--disable-component-update']

@pytest.fixture(scope='module')
def site():
    r = subprocess.run(['bash', 'scripts/docs.sh'], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    return ROOT/'_docs'

@pytest.fixture(scope='module')
def chromium():
    exe = shutil.which('chromium') or shutil.which('chromium-browser')
    if not exe:
        if os.environ.get('CI'): pytest.fail('CI must have chromium (scripts/system_deps.sh installs it)')
        pytest.skip('chromium not installed: run scripts/system_deps.sh as root')
    return exe

def test_a_page_per_notebook(site):
    nbs = {p.stem for p in (ROOT/'nbs').glob('*.ipynb')}
    pages = {p.stem for p in site.glob('*.html')}
    assert nbs <= pages, f"notebooks without a page: {nbs - pages}"

def test_sidebar_lists_every_notebook(site):
    listed = set(re.findall(r'^\s*- (\S+\.(?:ipynb|md))$', (ROOT/'nbs'/'sidebar.yml').read_text(), re.M))
    every = {str(p.relative_to(ROOT/'nbs')) for p in (ROOT/'nbs').rglob('*.ipynb') if '.ipynb_checkpoints' not in p.parts}
    assert every <= listed, f"notebooks missing from the sidebar: {sorted(every - listed)}"

def test_pages_render_in_chromium(site, chromium, tmp_path):
    for page in sorted(site.glob('*.html')):
        prof = tempfile.mkdtemp()
        dom = subprocess.run([chromium, *FLAGS, f'--user-data-dir={prof}', '--dump-dom', page.as_uri()],
                             capture_output=True, text=True, timeout=120).stdout
        m = re.search(r'<main[^>]*>(.*)</main>', dom, re.S)
        assert m, f"{page.name}: no <main> element in the rendered DOM"
        text = re.sub(r'\s+', ' ', html.unescape(re.sub(r'<[^>]+>', ' ', m.group(1)))).strip()
        assert len(text) > 300, f"{page.name}: main content nearly empty ({len(text)} chars)"
    shot = tmp_path/'index.png'
    subprocess.run([chromium, *FLAGS, f'--user-data-dir={tempfile.mkdtemp()}', '--window-size=1200,900',
                    f'--screenshot={shot}', (site/'index.html').as_uri()], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 20_000   # a blank page is a few KB
