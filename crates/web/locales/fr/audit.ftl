# audit pages
