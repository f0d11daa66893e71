"""The publish stage: the processed tables → the site in ``reports/`` (extract → compare → publish).

It reads the tables and the compare stage's views, and never calls the extraction:

- ``batch``: which pages to make, run with papermill (``python -m helpers batch``);
- ``kernels``: kernels started ahead of need, quietly (IPC);
- ``cache``: what a page depends on, and the manifest of pages written;
- ``render``: an executed notebook → one page; ``layout``: the shell, style and menu every page shares;
- ``site``: ``index.html``; ``profile``, ``comparison``, ``cleaning``: the sections of the notebook pages;
- ``blocks``: safe HTML pieces; ``i18n``: labels, phrases and number formats in Vietnamese and English.
"""
