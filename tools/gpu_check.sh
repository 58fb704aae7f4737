#!/usr/bin/env bash
# On a machine with a CUDA GPU, in under 10 minutes: the CUDA-flagged notebook cells, GPU timings (a training epoch
# against the model alone, ms per song embedded, FAISS on the GPU when installed), the distributed training path on
# one GPU (`accelerate launch --num_processes 1`), and the pretraining run when the recordings corpus is there.
# Run from the repository root after `make install`. Results go to $OUT (default /tmp/gpu_check); one line per check.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/.venv/bin
export PATH="$bin:$PATH"
out=${OUT:-/tmp/gpu_check}; mkdir -p "$out"
step() { local name=$1 limit=$2; shift 2; local t0=$SECONDS
  if timeout "$limit" "$@" >"$out/$name.log" 2>&1; then echo "ok    $name ($((SECONDS - t0)) s)"
  else echo "FAIL  $name ($((SECONDS - t0)) s): $(tail -3 "$out/$name.log" | tr '\n' ' ')"; fi; }

nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$out/gpu.txt" || { echo "no GPU here"; exit 1; }
$bin/python -c "import torch; assert torch.cuda.is_available(), 'torch sees no GPU'; print('torch', torch.__version__, torch.cuda.get_device_name())"

# 1. the CUDA-flagged cells, with the rest of their notebooks (in parallel)
step cuda_tests 300 $bin/nbdev-test --flags cuda --n-workers 6 --file-re "$(grep -l '#| cuda' nbs/*.ipynb | xargs -n1 basename | paste -sd'|')"

# 2. GPU timings, one table
step timings 150 $bin/python - <<'EOF'
import tempfile, torch, pandas as pd
from pathlib import Path
from musicnb.corpus import build_corpus
from musicnb.data import spec_table
from musicnb.embeddings import bench_embed
from musicnb.encoder import pretrained_checkpoint
from musicnb.bench import bench_train
from musicnb.recommend import bench_search
tmp = Path(tempfile.mkdtemp())
build_corpus(tmp/'corpus', n_per_class=8, duration=30.0, progress=False)
table, _ = spec_table(tmp/'corpus', spec_dir=tmp/'specs', progress=False)
rows = []
t = bench_train(table, bs=64, device='cuda')
rows.append(dict(measure='training epoch, views/s (the 64-512 CNN, bs 64)', gpu=t['epoch_views_per_s'], reference=t['model_views_per_s'], note='model alone'))
for name, ck in [('shipped encoder', pretrained_checkpoint()), ('the 64-512 CNN', None)]:
    e = bench_embed(ck, n_songs=64, seconds=30.0, fmt='mp3', device='cuda')
    rows.append(dict(measure=f'ms per 30 s mp3 song, decode included, {name}', gpu=e['ms_per_song'], reference=None, note=''))
try:
    import faiss
    s = bench_search(1_000_000, backend='ivf')
    rows.append(dict(measure='FAISS IVF top-10 of 1,000,000, ms/query', gpu=s['ms_per_query'], reference=None,
                     note=f"{faiss.get_num_gpus()} GPUs visible to FAISS; recall {s['recall_at_k']:.3f}"))
except Exception as e: rows.append(dict(measure='FAISS', gpu=None, reference=None, note=str(e)))
print(pd.DataFrame(rows).to_string(index=False))
EOF
cat "$out/timings.log" | tail -8

# 3. the distributed path on one GPU
step distributed 120 bash -c "$bin/python -c \"from musicnb.corpus import build_corpus; build_corpus('$out/dcorpus', n_per_class=4, duration=8.0, progress=False)\" &&
  $bin/accelerate launch --num_processes 1 --num_machines 1 --mixed_precision no --dynamo_backend no -m musicnb.train \
    --data_dir $out/dcorpus --duration 8 --window 128 --batch_size 8 --epochs 2 --widths 16 32 64 128 --output_dir $out/dckpt"
tail -1 "$out/distributed.log"

# 4. pretraining (the shipped encoder's recipe) when the recordings corpus is installed
if [ -f "$HOME/.cache/musicnb/recordings/metadata.csv" ]; then
  step pretrain 240 $bin/musicnb-train --config configs/pretrain.yaml --output_dir "$out/pretrain"
  tail -1 "$out/pretrain.log"
else echo "skip  pretrain: no recordings corpus here (musicnb-corpus --recordings ~/.cache/musicnb/recordings --install needs the Debian packages)"; fi
