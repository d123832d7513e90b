"""Who said what: quote marks paired, direct and partial quotes tied to cues, reported speech,
"according to", headline and transcript forms, and speakers resolved to names."""
