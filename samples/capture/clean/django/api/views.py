import logging

from django.http import JsonResponse

log = logging.getLogger(__name__)


def health(request):
    return JsonResponse({"ok": True})


def articles(request):
    log.info("listing %d articles", 3)
    return JsonResponse({"articles": [{"id": 1}, {"id": 2}, {"id": 3}]})
