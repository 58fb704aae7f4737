"""Make the shipped encoder from a pretraining run: `python tools/ship_encoder.py checkpoints/pretrain/last_model.pth`.
Keeps what embedding needs (weights, config, spectrogram settings, statistics, fingerprint) and records how it was
trained; writes musicnb/weights/recordings.pth atomically."""
import sys, time, yaml, torch
from pathlib import Path
from musicnb.core import atomic_write
from musicnb.encoder import load_checkpoint

def ship(run:str, config:str='configs/pretrain.yaml', out:str='musicnb/weights/recordings.pth'):
    "Write the slim checkpoint of `run` (a `last_model.pth` of `musicnb-train --config config`) to `out`"
    load_checkpoint(run)                                  # a checkpoint that loads, or a one-line error
    ck = torch.load(run, map_location='cpu', weights_only=True)
    cfg = yaml.safe_load(Path(config).read_text())
    if ck['epoch'] + 1 != cfg['epochs']: sys.exit(f"{run}: epoch {ck['epoch'] + 1} of {ck.get('n_epoch')}, the config says {cfg['epochs']}: not a finished run of it")
    slim = {k: ck[k] for k in ('model', 'model_config', 'spec', 'stats', 'fingerprint', 'epoch', 'n_epoch')}
    slim['trained_with'] = dict(command=f'musicnb-train --config {config}', config=cfg, checkpoint='last_model.pth (the last epoch, no selection)',
                                data='the recordings corpus (musicnb-corpus --recordings), its train split: 93 tracks, 493 segments of 30 s; '
                                     'the valid and test splits unseen', date=time.strftime('%Y-%m-%d'))
    with atomic_write(out) as t: torch.save(slim, t)
    print(f'{out}: {Path(out).stat().st_size / 2**20:.1f} MB, {ck["epoch"] + 1} epochs, fingerprint {ck["fingerprint"][:12]}')

if __name__ == '__main__': ship(*sys.argv[1:])
