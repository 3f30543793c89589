# templates pages
