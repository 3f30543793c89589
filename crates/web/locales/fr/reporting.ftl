# reporting pages
