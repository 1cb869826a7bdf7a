"""dealmap benchmarks: speed and memory, printed as ratios against a floor measured in the same run."""
