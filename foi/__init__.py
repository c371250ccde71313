"""foi: send one Freedom of Information request to many public bodies, track the replies and
turn the returned files into one traceable table."""

__version__ = "0.1.0"
