"""The Render platform: the API client, the live tail, doctor, the URL and Blueprint lint. Used by commands only."""
