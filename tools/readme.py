"Write README.md from nbs/index.ipynb (nbdev-readme needs Quarto): markdown cells as they are, code cells as python blocks. `--check` fails if README.md differs."
import sys, re, json
from pathlib import Path
nb = json.loads(Path('nbs/index.ipynb').read_text())
parts = []
for c in nb['cells']:
    src = ''.join(c['source'])
    if c['cell_type'] == 'code':
        if src.lstrip().startswith('#| hide'): continue
        parts.append(f'```python\n{src}\n```')
    else:
        src = re.sub(r'^> (.*)$', r'> \1', src, flags=re.M)
        src = src.replace('```{mermaid}', '```mermaid')
        parts.append(src)
text = '\n\n'.join(parts) + '\n'
readme = Path('README.md')
if '--check' in sys.argv:
    if not readme.exists() or readme.read_text() != text: sys.exit('README.md is not what nbs/index.ipynb says: run `.venv/bin/python tools/readme.py`')
else: readme.write_text(text)
