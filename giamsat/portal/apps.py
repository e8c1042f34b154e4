from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "giamsat.portal"
    verbose_name = "Cổng thông tin"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from giamsat.portal.search import register_sqlite_fold

        connection_created.connect(register_sqlite_fold, dispatch_uid="giamsat.portal.gs_fold")
