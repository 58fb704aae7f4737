"Fail if a non-export code cell mixes imports with other code: nbdev-proc-nbs (the docs build) executes such cells out of context."
import sys, ast, nbformat, re
from pathlib import Path
bad = 0
for f in sys.argv[1:] or sorted(Path('nbs').glob('*.ipynb')):
    nb = nbformat.read(f, 4)
    for i, c in enumerate(nb.cells):
        if c.cell_type != 'code': continue
        src = c.source
        if re.search(r'^#\|\s*(export|exports|exporti|exec_doc)\b', src, re.M): continue
        body = '\n'.join(l for l in src.splitlines() if not l.startswith('#|') and not l.startswith('%'))
        try: t = ast.parse(body)
        except SyntaxError: continue
        has_imp = any(isinstance(n, (ast.Import, ast.ImportFrom)) for n in ast.walk(t))
        only_imp = all(isinstance(n, (ast.Import, ast.ImportFrom)) for n in t.body)
        if has_imp and not only_imp: bad += 1; print(f'FAIL: {f} cell {i} mixes imports with other code (move the imports to their own cell): {src[:100]!r}')
sys.exit(1 if bad else 0)
