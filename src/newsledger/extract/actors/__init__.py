"""Mentions of actors in one article: named entities with canonical in-article names, words that
name nobody, and the issuers of documents ("Hamas said in a statement")."""
