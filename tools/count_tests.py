"Run nbdev-test over the notebooks and print one line `N passed, N failed` (notebooks). Extra args go to nbdev-test."
import subprocess, sys, re, time
from pathlib import Path
bin_ = Path(sys.executable).parent
nbs = sorted(p for p in Path('nbs').glob('*.ipynb') if not p.name.startswith('_'))
t0 = time.time()
r = subprocess.run([str(bin_/'nbdev-test'), '--do-print', '--timing', *sys.argv[1:]], capture_output=True, text=True)
sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)
started = set(re.findall(r'^Starting (.+\.ipynb)$', r.stdout, re.M))
failed = set()
if '=====' in r.stderr:
    failed = {l.strip() for l in r.stderr.split('=' * 50)[-1].splitlines() if l.strip().endswith('.ipynb')}
n_failed = len(failed) if r.returncode else 0
if r.returncode and not failed: n_failed = max(1, len(nbs) - len(started))
print(f'nbdev-test: {time.time()-t0:.0f} s')
print(f'{len(nbs) - n_failed} passed, {n_failed} failed')
sys.exit(1 if r.returncode else 0)
