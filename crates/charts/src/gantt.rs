//! The Gantt chart of milestones and activities over the quarters (being written).
