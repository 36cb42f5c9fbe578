"""The SPF Flagship open-data tools, installed as the package `spf` (editable, by `make install`)."""
