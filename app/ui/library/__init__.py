"""The script library page: many scripts, their history, import and export."""
