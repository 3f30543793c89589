# gantt pages
