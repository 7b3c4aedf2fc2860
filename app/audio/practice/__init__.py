"""Live-call practice on the audio path: one recording per run, heard while it is made."""
