"""Scoring geosignal on the gold sets in ../shared/eval."""
