"""Building the accurate tier's tagger (``sayso train --accurate``): all-MiniLM-L6-v2 fine-tuned on
PolNeAR train to tag each wordpiece as cue, source and content, exported to ONNX.

Training needs the ``train-accurate`` extra (PyTorch, safetensors); using the built model needs
only ONNX Runtime and tokenizers (the ``accurate`` extra, :mod:`sayso.pipeline.tagger`).
"""
