"""The floor for extraction: a process that only reads, decodes and NFC-normalizes the same files.

    python benchmarks/floor_read.py RAW_DIR
"""
import sys
import unicodedata
from pathlib import Path

total = 0
for path in sorted(Path(sys.argv[1]).iterdir()):
    if path.is_file():
        total += len(unicodedata.normalize("NFC", path.read_bytes().decode("utf-8")))
print(f"{total} characters")
