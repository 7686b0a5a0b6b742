"""briefing-tui: a terminal browser for structured briefings."""

from briefing_tui.loader import BriefingError, Problem, load_briefing
from briefing_tui.model import Briefing, Participant

__version__ = "0.1.0"

__all__ = ["Briefing", "BriefingError", "Participant", "Problem", "__version__", "load_briefing"]
