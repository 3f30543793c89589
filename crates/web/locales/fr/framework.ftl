# framework pages
