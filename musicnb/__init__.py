__version__ = "0.0.1"

import warnings
# fastai compiles two activation functions with `torch.jit.script` when it is imported, which torch 2.14 deprecates
# with a FutureWarning printed by every command that trains; musicnb itself does not use TorchScript.
warnings.filterwarnings('ignore', message=r'`torch\.jit\.script` is deprecated', category=FutureWarning)
