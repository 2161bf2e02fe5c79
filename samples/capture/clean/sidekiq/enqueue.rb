require_relative "worker"
[41, 42, 43].each { |id| WelcomeEmailJob.perform_async(id) }
ReportJob.perform_async(7, "pdf")
ReportJob.perform_async(8, "csv")
