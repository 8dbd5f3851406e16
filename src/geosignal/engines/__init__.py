"""Engines: who runs the analysis of a corpus's partitions (this process, worker processes, Dask).

The seam is ``partition.analyze_partition`` (articles in, rows per store table out); the
store's single writer takes the rows with ``Store.replace_rows`` or, staged as Parquet
segments, with ``Store.merge_segment``. See ``docs/engines.md``.
"""
