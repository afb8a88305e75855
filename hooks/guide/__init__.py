"""The guide's pure core: plain functions over text, HTML and data. Nothing here imports MkDocs."""
