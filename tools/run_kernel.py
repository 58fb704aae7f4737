"Execute every notebook top to bottom in a real Jupyter kernel (nbclient), as JupyterLab would; skips cells flagged `#| slow` / `#| cuda` unless named in --flags. Prints `N passed, N failed`."
import sys, time, argparse, re
from pathlib import Path
import nbformat
from nbclient import NotebookClient

p = argparse.ArgumentParser(description=__doc__)
p.add_argument('notebooks', nargs='*', help='notebooks (default: nbs/*.ipynb)')
p.add_argument('--flags', default='', help='flags of cells to run too, e.g. "slow"')
p.add_argument('--timeout', type=int, default=900, help='seconds per cell')
a = p.parse_args()
run_flags = set(a.flags.split())
skip = {'slow', 'cuda'} - run_flags
paths = [Path(n) for n in a.notebooks] or sorted(p for p in Path('nbs').glob('*.ipynb') if not p.name.startswith('_'))

def flagged(src):
    return any(re.match(rf'^#\|\s*{f}\s*$', l) for l in src.splitlines() for f in skip)

failed = []
for path in paths:
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if not (c.cell_type == 'code' and flagged(c.source))]
    t = time.time()
    try:
        NotebookClient(nb, timeout=a.timeout, kernel_name='python3', resources={'metadata': {'path': str(path.parent)}}).execute()
        print(f'ok     {path.name} ({time.time() - t:.0f} s)', flush=True)
    except Exception as e:
        failed.append(path.name)
        print(f'FAILED {path.name}: {str(e).strip().splitlines()[-1][:300]}', flush=True)
print(f'{len(paths) - len(failed)} passed, {len(failed)} failed')
sys.exit(1 if failed else 0)
