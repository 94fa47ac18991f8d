"""The User admin is registered by the hubs app (talenthub/hubs/admin.py), which scopes
people to the operator's hubs; accounts sits below hubs and cannot know about them."""
