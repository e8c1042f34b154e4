"""Django-free domain types shared by the engines and the apps."""
