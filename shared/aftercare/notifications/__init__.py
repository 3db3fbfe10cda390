"""Messages to customers and staff, through the notifications queue."""
