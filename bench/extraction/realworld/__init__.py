"""The real-world extraction corpus: manifests of labelled facts (committed), saved texts (git-ignored)."""
