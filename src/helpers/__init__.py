"""Vietnamese provincial office reports into tidy tables."""
