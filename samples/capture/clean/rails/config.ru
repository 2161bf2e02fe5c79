# A one-file Rails 6.1 API app (Debian ruby-railties), production settings as Rails generates them
# with RAILS_LOG_TO_STDOUT (what Render's Rails guide sets).
require "action_controller/railtie"

class ShopApp < Rails::Application
  config.root = __dir__
  config.eager_load = true
  config.consider_all_requests_local = false
  config.secret_key_base = "not-a-secret-capture-only"
  config.hosts.clear
  config.log_level = :info
  config.log_tags = [:request_id]
  logger = ActiveSupport::Logger.new($stdout)
  logger.formatter = ::Logger::Formatter.new
  config.logger = ActiveSupport::TaggedLogging.new(logger)
  routes.append do
    get "/up" => "health#show"
    get "/api/products" => "products#index"
    get "/api/products/:id" => "products#show"
    post "/api/orders" => "orders#create"
  end
end

class HealthController < ActionController::API
  def show = render(json: { ok: true })
end

class ProductsController < ActionController::API
  PRODUCTS = [{ id: 1, name: "mug" }, { id: 2, name: "poster" }].freeze
  def index = render(json: PRODUCTS)
  def show
    product = PRODUCTS.find { |p| p[:id].to_s == params[:id] }
    product ? render(json: product) : head(:not_found)
  end
end

class OrdersController < ActionController::API
  def create
    Rails.logger.info "order created for product #{params[:product_id]}"
    render json: { id: 17 }, status: :created
  end
end

ShopApp.initialize!
run ShopApp
