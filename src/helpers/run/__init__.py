"""Running the collection: ``pipeline`` the papermill CLI (stable address ``python -m helpers.pipeline``),
``notebooks`` re-executing the committed notebooks, ``reports`` HTML reports and the index."""
