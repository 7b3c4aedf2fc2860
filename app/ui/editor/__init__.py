"""The script editor: text with highlighting, outline, branch map, problems, voicemail length."""
